export { createHub, startHub } from './hub.js';
export type { Hub, HubOptions, RunningHub } from './hub.js';
export { loadHubConfig } from './config.js';
export type { HubConfig } from './config.js';
export { RegistryError } from './systems.js';
export type { AgencyInfo, SystemInfo, SystemInput, SystemUpdate } from './systems.js';
export type { PacketTrace } from './packets.js';
export * from './client.js';
