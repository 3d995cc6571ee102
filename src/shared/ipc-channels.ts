/**
 * Channel names alone, so the sandboxed preload can build its named methods without bundling zod.
 * ipc.ts checks at compile time that this list and the contract agree.
 */
export const CHANNELS = [
  'app:notices',
  'credentials:list',
  'credentials:addTokenKey',
  'credentials:addCertificate',
  'credentials:remove',
  'devices:list',
  'devices:save',
  'devices:update',
  'devices:duplicate',
  'devices:remove',
  'devices:bulk',
  'devices:matching',
  'accounts:list',
  'accounts:save',
  'accounts:update',
  'accounts:remove',
  'templates:list',
  'templates:save',
  'templates:update',
  'templates:duplicate',
  'templates:remove',
  'templates:importApns',
  'templates:exportApns',
  'profiles:list',
  'profiles:save',
  'profiles:remove',
  'profiles:activate',
  'library:export',
  'library:previewImport',
  'library:applyImport',
  'demo:status',
  'demo:setup',
  'demo:dismiss',
  'push:send',
  'push:curl',
  'history:query',
  'history:get',
  'history:export',
  'emulator:inbox',
  'emulator:injectFault',
  'emulator:clearFaults'
] as const

export type Channel = (typeof CHANNELS)[number]
