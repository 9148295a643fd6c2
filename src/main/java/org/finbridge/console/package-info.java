/**
 * The console: the pages people use in a browser, in English and Chinese (zh-CN), each role on its own
 * pages (issue 10). It holds no business logic: every page reads and acts through the public APIs of the
 * other modules, as the logged-in person (a console session with password and TOTP, see the party
 * module), so a page can never show or do more than that person's API scopes allow.
 *
 * <p>Server-rendered with Thymeleaf; htmx, Bootstrap and Apache ECharts (the charts) come from WebJars, so
 * the console works without any build step or outside network. Pages: the seller's cockpit (FX, payouts,
 * trade records, credit record, financing offers), the operators' queues, the regulator's supervision
 * overview, the lender's desk, the data providers' submissions and the market overview for everyone.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console",
        allowedDependencies = {"party", "ledger", "payments", "money", "platform", "audit", "financing", "credit",
                "supervision", "settlement", "risk :: aml", "risk :: fraud", "risk :: sanctions", "fx", "trade", "webhooks"})
package org.finbridge.console;
