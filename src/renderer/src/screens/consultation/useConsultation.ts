// Loads one consultation and keeps the latest state the core returned. Every
// recording call answers with the whole new state, so what the screen shows
// is always what is on disk, never a local guess.
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConsultationState } from '../../../../shared/consultation'
import { call } from '../../api'
import { errorMessage } from './saving'

export function useConsultation(id: number) {
  const { t } = useTranslation('consultation')
  const [state, setState] = useState<ConsultationState | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  const reload = useCallback(async () => {
    try {
      const s = await call('consultation.get', { consultationId: id })
      setState(s)
      setProblem(null)
      return s
    } catch (e) {
      setProblem(errorMessage(t, e))
      return null
    }
  }, [id, t])

  useEffect(() => {
    let live = true
    call('consultation.get', { consultationId: id })
      .then((s) => live && setState(s))
      .catch((e) => live && setProblem(errorMessage(t, e)))
    return () => {
      live = false
    }
  }, [id, t])

  return { state, setState, problem, reload }
}
