/**
 * The console: the pages people use in a browser, in English and Chinese (zh-CN), each role on its own
 * pages (issue 10). It holds no business logic: every page reads and acts through the public APIs of the
 * other modules, as the logged-in person (a console session with password and TOTP, see the party
 * module), so a page can never show or do more than that person's API scopes allow.
 *
 * <p>Server-rendered with Thymeleaf; htmx and Bootstrap come from WebJars, so the console works without
 * any build step or outside network.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console",
        allowedDependencies = {"party", "ledger", "payments", "money", "platform"})
package org.finbridge.console;
