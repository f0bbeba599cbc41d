package kz.barys.engine.journal;

/**
 * The journal is of a format, or holds a record, this version cannot read: every reader stops with this rather than
 * misread it (docs/journal.md, "Compatibility").
 */
public final class JournalFormatException extends IllegalStateException
{
    private static final long serialVersionUID = 1L;

    public JournalFormatException(final String message)
    {
        super(message);
    }
}
