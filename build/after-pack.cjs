// electron-builder afterPack hook: flips Electron's fuses in the packaged
// binary, so the shipped app cannot be turned into a general Node runtime or
// made to load code from outside its (integrity-checked) asar.
//
// Fuses are compiled into the Electron binary; flipping them here, after
// packing and before signing, is the only point where they can be set.
// test/security/electron-checklist.test.ts checks this configuration.
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads hooks as CommonJS */
const path = require('node:path')
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses')

/** The fuse settings of the shipped app (true = on). */
const FUSES = {
  version: FuseVersion.V1,
  // `ELECTRON_RUN_AS_NODE=1 "Derm Consent"` would otherwise be a Node shell with the app's privileges.
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS (e.g. --require evil.js) must not inject code into the app.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // No --inspect / --inspect-brk: no debugger attached to the main process from outside.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Cookies and other Chromium stores are encrypted with the OS keychain.
  [FuseV1Options.EnableCookieEncryption]: true,
  // Only the app.asar is loaded, never a loose app/ folder dropped next to it...
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // ...and the asar's contents must match the integrity hash embedded at build time.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // We never use file://, so it gets no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
}

function electronBinary(context) {
  const name = context.packager.appInfo.productFilename
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`)
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`)
    default:
      return path.join(context.appOutDir, context.packager.executableName)
  }
}

async function afterPack(context) {
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas'
  // On Apple silicon an unsigned binary whose bytes changed must be re-signed ad hoc before it can run.
  await flipFuses(electronBinary(context), { ...FUSES, resetAdHocDarwinSignature: isMac && context.arch === 3 /* Arch.arm64 */ })
}

module.exports = afterPack
module.exports.default = afterPack
module.exports.FUSES = FUSES
module.exports.electronBinary = electronBinary
