package dev.iicsctl.emulator;

/** Standalone entry point of the IICS emulator. */
public final class EmulatorMain {
    private EmulatorMain() {}

    public static void main(String[] args) {
        System.out.println("iicsctl emulator");
    }
}
