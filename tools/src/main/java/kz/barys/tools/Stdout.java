package kz.barys.tools;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;

/** Standard output as a plain buffered byte stream: the verbs write bytes, not through PrintStream's locks. */
final class Stdout
{
    private Stdout()
    {
    }

    static OutputStream buffered()
    {
        return new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
    }
}
