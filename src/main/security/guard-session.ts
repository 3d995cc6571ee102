import { allowsPermission } from './permissions'

/** The parts of Electron's Session the guard uses; tests pass a recorder. */
export interface GuardableSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl?: string }) => void): void
  setPermissionCheckHandler(handler: (contents: unknown, permission: string, requestingOrigin: string, details: { requestingUrl?: string }) => boolean): void
}

/** Permission requests and checks go through allowsPermission; everything else is refused. */
export function guardSession(session: GuardableSession, rendererUrl: () => string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(allowsPermission(permission, details?.requestingUrl ?? '', rendererUrl())))
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    allowsPermission(permission, details?.requestingUrl ?? requestingOrigin ?? '', rendererUrl())
  )
}
