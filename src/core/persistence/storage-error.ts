/** A write the disk refused (permissions, full disk): told to the user as such, not as a bug. */
export class StorageError extends Error {
  constructor(
    readonly path: string,
    cause: unknown
  ) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOSPC' ? 'the disk is full' : code === 'EROFS' ? 'the disk is read-only' : ((cause as Error | undefined)?.message ?? 'unknown error')
    super(`Pushdeck cannot write to ${path}: ${why}.`)
    this.name = 'StorageError'
  }
}
