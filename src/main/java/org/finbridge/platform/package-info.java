/**
 * Small technical kernel shared by every module: time-ordered identifiers and the HTTP problem
 * vocabulary. It holds no business rules and depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.finbridge.platform;
