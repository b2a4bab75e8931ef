package backprop.harness.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads a learner class's bytecode and lists every reference that {@link ApiRules} forbids:
 * calls, field accesses, object creation, casts, class literals, method handles, lambdas'
 * targets, bootstrap methods, supertypes and native methods. Bytecode rather than source, so a
 * fully qualified name, an import alias or a lambda cannot hide a call.
 */
public final class BytecodeCheck {
    private BytecodeCheck() {
    }

    /** {@code isOwn} says which internal names are the learner's own classes (always allowed). */
    public static List<Violation> check(byte[] classFile, Predicate<String> isOwn) {
        List<Violation> out = new ArrayList<>();
        new ClassReader(classFile).accept(new Scanner(isOwn, out), ClassReader.SKIP_FRAMES);
        return out;
    }

    /** The name of the source file a class was compiled from (its SourceFile attribute), or null. */
    public static String sourceFile(byte[] classFile) {
        String[] found = new String[1];
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visitSource(String source, String debug) {
                found[0] = source;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
        return found[0];
    }

    /** The internal name (kata/twolayer/TwoLayerNetwork) of a class file. */
    public static String internalName(byte[] classFile) {
        return new ClassReader(classFile).getClassName();
    }

    private static final class Scanner extends ClassVisitor {
        private final Predicate<String> isOwn;
        private final List<Violation> out;
        private String className;
        private String source;

        Scanner(Predicate<String> isOwn, List<Violation> out) {
            super(Opcodes.ASM9);
            this.isOwn = isOwn;
            this.out = out;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            className = name;
            if (superName != null) {
                type(superName, null, 0, "extends ");
            }
            for (String i : interfaces == null ? new String[0] : interfaces) {
                type(i, null, 0, "implements ");
            }
        }

        @Override
        public void visitSource(String s, String debug) {
            source = s;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            if ((access & Opcodes.ACC_NATIVE) != 0) {
                add(name, 0, "a native method", "native code is outside the kata");
            }
            return new MethodVisitor(Opcodes.ASM9) {
                int line;

                @Override
                public void visitLineNumber(int l, Label start) {
                    line = l;
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String n, String desc, boolean itf) {
                    member(owner, n, n.equals("<init>"), name, line);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String n, String desc) {
                    member(owner, n, false, name, line);
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    type(type, name, line, "");
                }

                @Override
                public void visitMultiANewArrayInsn(String desc, int dims) {
                    Type t = Type.getType(desc).getElementType();
                    if (t.getSort() == Type.OBJECT) {
                        type(t.getInternalName(), name, line, "");
                    }
                }

                @Override
                public void visitLdcInsn(Object value) {
                    constant(value, name, line);
                }

                @Override
                public void visitInvokeDynamicInsn(String n, String desc, Handle bsm, Object... args) {
                    String why = ApiRules.whyForbiddenBootstrap(bsm.getOwner(), bsm.getName());
                    if (why != null) {
                        add(name, line, "invokedynamic " + bsm.getOwner().replace('/', '.') + "." + bsm.getName(), why);
                    }
                    for (Object a : args) {
                        constant(a, name, line);
                    }
                }
            };
        }

        private void constant(Object value, String method, int line) {
            if (value instanceof Type t) {
                Type e = t.getSort() == Type.ARRAY ? t.getElementType() : t;
                if (e.getSort() == Type.OBJECT) {
                    type(e.getInternalName(), method, line, "the class literal ");
                }
            } else if (value instanceof Handle h) {
                member(h.getOwner(), h.getName(), h.getName().equals("<init>"), method, line);
            }
        }

        private void member(String owner, String name, boolean constructor, String method, int line) {
            String why = ApiRules.whyForbidden(owner, name, constructor, isOwn);
            if (why != null) {
                String ref = pretty(owner) + (constructor ? " (new)" : "." + name);
                add(method, line, ref, why);
            }
        }

        private void type(String t, String method, int line, String how) {
            String why = ApiRules.whyForbidden(t, null, false, isOwn);
            if (why != null) {
                add(method, line, how + pretty(t), why);
            }
        }

        private void add(String method, int line, String reference, String why) {
            out.add(new Violation(pretty(className), source, method, line, reference, why));
        }

        private static String pretty(String internal) {
            return internal.replace('/', '.');
        }
    }
}
