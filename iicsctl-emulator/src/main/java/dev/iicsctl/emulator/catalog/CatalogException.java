package dev.iicsctl.emulator.catalog;

/** A catalog that cannot be read or is invalid; the message is one line naming the problem. */
public class CatalogException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public CatalogException(String message) {
        super(message);
    }
}
