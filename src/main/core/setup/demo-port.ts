// The demo clinic is not part of the core: a host hands its loader in at
// `Core.open` (the one in src/main/demo), and "Load the demo" calls it.
export interface DemoLogin {
  username: string
  password: string
  role: 'admin' | 'clinician' | 'staff'
  displayName: string
}

export interface DemoLoader {
  load(): Promise<readonly DemoLogin[]>
}
