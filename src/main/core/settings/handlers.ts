import type { settingsCalls } from '../../../shared/contract/settings'
import type { HandlersFor } from '../dispatch/types'
import { readSettings, updateSettings } from './settings'

export const settingsHandlers = {
  'settings.get': (_i, { ctx }) => readSettings(ctx),
  'settings.update': (input, { ctx, actor }) => updateSettings(ctx, actor, input),
} satisfies HandlersFor<keyof typeof settingsCalls>
