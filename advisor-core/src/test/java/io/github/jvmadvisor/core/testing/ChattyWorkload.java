package io.github.jvmadvisor.core.testing;

/**
 * The churn workload plus an application that writes to standard output while the JVM logs its GC
 * lines there too: {@code seconds retainedMiB linesToPrint}. Prints {@code app line N} lines.
 */
public final class ChattyWorkload {

    private ChattyWorkload() {
    }

    public static void main(String[] args) throws Exception {
        int lines = Integer.parseInt(args[2]);
        Thread printer = new Thread(() -> {
            for (int i = 0; i < lines; i++) {
                System.out.println("app line " + i + ": request handled in " + (i % 17) + " ms [status=200]");
                if (i % 50 == 0) {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "printer");
        printer.start();
        ChurnWorkload.main(new String[] {args[0], args[1], "2"});
        printer.join();
    }
}
