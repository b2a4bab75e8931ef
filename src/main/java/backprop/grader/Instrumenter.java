package backprop.grader;

import java.util.ArrayList;
import java.util.List;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Inserts a counter before every call instruction of a learner class ({@code CallSites.hit(id)}),
 * so the numerical-differentiation probe can see how often each line of learner code runs. Runs
 * after the forbidden-API check, on the grader's copy: the learner's own bytecode cannot name
 * the counter.
 */
final class Instrumenter {
    /** One call instruction of learner code: where it is and what it calls. */
    record Site(String exercise, String className, String sourceFile, String method, int line, String callee) {
        String describe() {
            return className.substring(className.lastIndexOf('.') + 1).replace('$', '.') + "." + method + " (its call of " + callee
                    + " at " + (sourceFile == null ? className : sourceFile) + ":" + line + ")";
        }
    }

    private final List<Site> sites = new ArrayList<>();

    List<Site> sites() {
        return sites;
    }

    byte[] instrument(byte[] classFile, String exercise) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            String className;
            String source;

            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                className = name.replace('/', '.');
                super.visit(version, access, name, signature, superName, interfaces);
            }

            @Override
            public void visitSource(String s, String debug) {
                source = s;
                super.visitSource(s, debug);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                    int line;

                    @Override
                    public void visitLineNumber(int l, Label start) {
                        line = l;
                        super.visitLineNumber(l, start);
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String n, String desc, boolean itf) {
                        int id = sites.size();
                        sites.add(new Site(exercise, className, source, name, line,
                                owner.substring(owner.lastIndexOf('/') + 1).replace('$', '.') + "." + n));
                        super.visitLdcInsn(id);
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, "backprop/grader/runner/CallSites", "hit", "(I)V", false);
                        super.visitMethodInsn(opcode, owner, n, desc, itf);
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }
}
