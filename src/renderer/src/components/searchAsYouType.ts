// Searching while the person types: the core is asked only once typing pauses
// (at once when there is nothing to wait for, such as the first, empty list),
// and only the answer to the newest question counts, so a slow answer to an
// older query never replaces the list for what is in the box now.
import { useEffect, useRef } from 'react'

export interface SearchAnswers<R> {
  /** The newest search's result. */
  onAnswer(result: R): void
  /** Why the newest search failed. */
  onProblem(error: unknown): void
}

/**
 * Runs `search` after `delayMs` each time it changes (give it with useCallback
 * over the query, so it changes when the query does, and let its result carry
 * the query it answers). Typing again within the delay cancels the waiting
 * search; answers to any but the newest are dropped. The handlers used are the
 * latest given.
 */
export function useSearchAsYouType<R>(search: () => Promise<R>, delayMs: number, answers: SearchAnswers<R>): void {
  const latest = useRef(0)
  const handlers = useRef(answers)
  useEffect(() => {
    handlers.current = answers
  })

  useEffect(() => {
    const ticket = ++latest.current
    const timer = window.setTimeout(() => {
      search()
        .then((result) => {
          if (ticket === latest.current) handlers.current.onAnswer(result)
        })
        .catch((error: unknown) => {
          if (ticket === latest.current) handlers.current.onProblem(error)
        })
    }, delayMs)
    return () => window.clearTimeout(timer)
  }, [search, delayMs])
}
