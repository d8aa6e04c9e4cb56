export { createGatewayModule, type GatewayModule, type GatewayModuleOptions } from "./gateway-module.js";
