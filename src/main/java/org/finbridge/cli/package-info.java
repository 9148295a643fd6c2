/**
 * Operations from the command line: {@code bin/finbridge <command>} runs the same application without
 * its web server. Commands that need no database (validating identifiers, quoting tax, printing a
 * schedule) run without starting Spring at all; the others start the application context on the
 * configured database. Output is plain text or CSV; where a figure matters the last line is
 * {@code RESULT key=value …}; exit status 0 means success.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Command line")
package org.finbridge.cli;
