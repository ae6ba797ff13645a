// Every benchmark, in the order they run.
import type { Benchmark } from '../lib/types'
import { ackWrite } from './ack-write'
import { open100k } from './open-100k'
import { pdf } from './pdf'
import { search100k } from './search-100k'
import { initialJs, tti } from './tti'

export const BENCHMARKS: Benchmark[] = [pdf, ackWrite, search100k, open100k, tti, initialJs]
