package backprop.harness.watch;

import java.util.HashSet;
import java.util.Set;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Adds a call of {@link RunStop#check} at the start of every method and before every backward
 * jump of a class: an endless loop or an endless recursion passes one within an iteration or a
 * call, so a run past its limit can be stopped wherever the learner's code spins. A check is a
 * class constant and a static call that reads one volatile field: no allocation.
 */
final class LoopChecks {
    private static final String OWNER = Type.getInternalName(RunStop.class);
    private static final String DESCRIPTOR = "(Ljava/lang/Class;)V";

    private LoopChecks() {
    }

    static byte[] instrument(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        // COMPUTE_MAXS: a check needs one stack slot, which a method such as `while (true) { }` lacks.
        // The frames stay as they are: nothing is inserted between a label and its frame.
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        Type self = Type.getObjectType(reader.getClassName());
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                return mv == null ? null : new MethodVisitor(Opcodes.ASM9, mv) {
                    private final Set<Label> seen = new HashSet<>();

                    @Override
                    public void visitCode() {
                        super.visitCode();
                        check();
                    }

                    @Override
                    public void visitLabel(Label label) {
                        super.visitLabel(label);
                        seen.add(label);
                    }

                    @Override
                    public void visitJumpInsn(int opcode, Label label) {
                        if (seen.contains(label)) {
                            check(); // a jump back to code already passed: a loop
                        }
                        super.visitJumpInsn(opcode, label);
                    }

                    private void check() {
                        super.visitLdcInsn(self);
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, OWNER, "check", DESCRIPTOR, false);
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }
}
