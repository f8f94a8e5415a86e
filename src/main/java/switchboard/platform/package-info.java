/**
 * What every module shares and nothing more: the database, tenancy context, the live event bus
 * and the web layout. An open module: its sub-packages are usable by every other module.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package switchboard.platform;

import org.springframework.modulith.ApplicationModule;
