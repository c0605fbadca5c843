package dev.iicsctl.emulator;

import dev.iicsctl.emulator.time.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of tests that run the standard catalog on a hand-moved clock with a logged-in v2 client. */
abstract class ClockedEmulatorTest {
    protected final MovableClock clock = TestCatalogs.summerClock();
    protected Emulator emu;
    protected Api api;

    @BeforeEach
    void startEmulator() {
        emu = TestCatalogs.start(clock);
        api = Api.loggedIn(emu);
    }

    @AfterEach
    void closeEmulator() {
        emu.close();
    }
}
