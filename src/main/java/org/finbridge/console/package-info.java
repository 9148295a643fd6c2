/**
 * The console: the pages people use in a browser, in English and Chinese (zh-CN), each role on its own
 * pages (issue 10). It holds no business logic: every page reads and acts through the public APIs of the
 * other modules, as the logged-in person (a console session with password and TOTP, see the party
 * module), so a page can never show or do more than that person's API scopes allow.
 *
 * <p>Server-rendered with Thymeleaf; htmx, Bootstrap and Apache ECharts (the charts) come from WebJars, so
 * the console works without any build step or outside network. Pages: the seller's cockpit, the operator's
 * KYB queue, the regulator's supervision overview and the lender's desk.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console",
        allowedDependencies = {"party", "ledger", "payments", "money", "platform", "audit", "financing", "credit",
                "supervision", "settlement", "risk :: aml"})
package org.finbridge.console;
