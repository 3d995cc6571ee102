import { NOTIFICATION_ID_PAYLOAD_KEY } from './types'

/** A value inside a Swift string literal. */
function swiftString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`
}

/**
 * The Swift to paste into the app under test: in DEBUG builds only, it registers the device
 * token with Pushdeck and reports taps, as the app would with its own provider server.
 */
export function swiftSnippet(url: string, secret: string): string {
  return `import UIKit
import UserNotifications

#if DEBUG
/// Pushdeck pairing, compiled into debug builds only.
enum Pushdeck {
    static let baseURL = ${swiftString(url)}
    /// Pushdeck's pairing secret. Regenerate it in Pushdeck if it ever leaks.
    static let secret = ${swiftString(secret)}
    private static let tokenKey = "PushdeckDeviceToken"

    /// Call from application(_:didRegisterForRemoteNotificationsWithDeviceToken:).
    static func register(deviceToken: Data) {
        let token = deviceToken.map { String(format: "%02x", $0) }.joined()
        UserDefaults.standard.set(token, forKey: tokenKey)
        post("/v1/register", [
            "token": token,
            "bundleId": Bundle.main.bundleIdentifier ?? "",
            "environment": "sandbox", // debug builds get development (sandbox) tokens
            "deviceName": UIDevice.current.name,
            "tags": ["self-registered"],
            // "account": "qa+ios@example.com",
        ])
    }

    /// Call from userNotificationCenter(_:didReceive:withCompletionHandler:).
    static func reportOpened(_ response: UNNotificationResponse) {
        guard let token = UserDefaults.standard.string(forKey: tokenKey) else { return }
        let request = response.notification.request
        // For a remote notification the request identifier is the apns-id it was sent with.
        var body: [String: Any] = [
            "apnsId": request.identifier,
            "token": token,
            "action": response.actionIdentifier,
        ]
        if let id = request.content.userInfo[${swiftString(NOTIFICATION_ID_PAYLOAD_KEY)}] {
            body[${swiftString(NOTIFICATION_ID_PAYLOAD_KEY)}] = "\\(id)"
        }
        post("/v1/opened", body)
    }

    private static func post(_ path: String, _ body: [String: Any]) {
        guard let url = URL(string: baseURL + path),
              let data = try? JSONSerialization.data(withJSONObject: body) else { return }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("Bearer \\(secret)", forHTTPHeaderField: "Authorization")
        request.httpBody = data
        URLSession.shared.dataTask(with: request) { _, response, error in
            if let error = error {
                print("Pushdeck \\(path): \\(error.localizedDescription)")
            } else if let http = response as? HTTPURLResponse, http.statusCode != 200 {
                print("Pushdeck \\(path): HTTP \\(http.statusCode)")
            }
        }.resume()
    }
}
#endif

// In your UIApplicationDelegate:
func application(_ application: UIApplication, didRegisterForRemoteNotificationsWithDeviceToken deviceToken: Data) {
    #if DEBUG
    Pushdeck.register(deviceToken: deviceToken)
    #endif
    // ...send the token to your own server as before
}

// In your UNUserNotificationCenterDelegate:
func userNotificationCenter(_ center: UNUserNotificationCenter,
                            didReceive response: UNNotificationResponse,
                            withCompletionHandler completionHandler: @escaping () -> Void) {
    #if DEBUG
    Pushdeck.reportOpened(response)
    #endif
    completionHandler()
}
`
}

/** What the QR code holds: the URL and secret as JSON, for a debug menu that scans it to pair. */
export function pairingPayload(url: string, secret: string): string {
  return JSON.stringify({ pushdeck: 1, url, secret })
}
