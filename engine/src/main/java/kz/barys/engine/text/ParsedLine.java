package kz.barys.engine.text;

import kz.barys.engine.command.Command;

/** One line between {@link LineParser#parse} and {@link LineRunner#execute}: a command, a {@code CONFIG} line, or nothing. */
final class ParsedLine
{
    final Command command = new Command();
    long number;
    /** The {@code CONFIG} line, or null. */
    String configLine;
    /** Whether {@link #command} holds a command (false for a blank or comment line). */
    boolean hasCommand;
}
