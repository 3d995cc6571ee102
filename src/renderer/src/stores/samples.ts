/** The payloads Pushdeck starts with; compose swaps one for the other only while it is untouched. */
export const DEFAULT_ALERT_PAYLOAD = `{
  "aps": {
    "alert": {
      "title": "Hello from Pushdeck",
      "body": "This push went through APNs."
    },
    "sound": "default"
  }
}`

export const DEFAULT_BACKGROUND_PAYLOAD = `{"aps":{"content-available":1}}`
