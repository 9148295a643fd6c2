/** Background work left by requests and run in batched passes by one thread per node ({@link org.finbridge.platform.background.BackgroundPass}). */
package org.finbridge.platform.background;
