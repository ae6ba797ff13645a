// The script library's calls, bound to their services.
import type { scriptLibraryCalls } from '../../../shared/contract/script-library'
import type { HandlersFor } from '../dispatch/types'
import { getStoredScript, listScripts, storeScript } from './store'
import { parseScriptOrThrow } from './validate'

export const scriptLibraryHandlers = {
  'scriptLibrary.list': (_i, { ctx }) => listScripts(ctx),
  'scriptLibrary.get': (input, { ctx }) => getStoredScript(ctx, input.storedId),
  'scriptLibrary.import': (input, { ctx, actor }) => storeScript(ctx, actor, parseScriptOrThrow(input.json), 'imported'),
} satisfies HandlersFor<keyof typeof scriptLibraryCalls>
