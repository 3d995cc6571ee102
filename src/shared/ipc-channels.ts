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
  'devices:remove',
  'demo:status',
  'demo:setup',
  'demo:dismiss',
  'push:send',
  'emulator:inbox',
  'emulator:injectFault',
  'emulator:clearFaults'
] as const

export type Channel = (typeof CHANNELS)[number]
