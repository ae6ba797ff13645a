// The staff desk's calls, bound to their services.
import type { consentCalls } from '../../../shared/contract/consents'
import type { HandlersFor } from '../dispatch/types'
import { ensureFollowUpDocuments } from './follow-up'
import { getConsentDetail, printConsent, readConsentPdf, recordConsentSaved, searchConsents } from './documents'

export const consentHandlers = {
  'consents.search': (input, { ctx }) => searchConsents(ctx, input),
  'consents.get': async (input, { ctx, actor }) => {
    // A withdrawal or addendum whose document could not be made at the time gets it now.
    await ensureFollowUpDocuments(ctx, actor, input.consultationId)
    return getConsentDetail(ctx, input.consultationId)
  },
  'consents.getPdf': (input, { ctx }) => {
    const { pdf: _bytes, ...rest } = readConsentPdf(ctx, input.documentId)
    return rest
  },
  'consents.recordSaved': (input, { ctx, actor }) => {
    recordConsentSaved(ctx, actor, input.documentId, input.how)
    return null
  },
  'consents.listPrinters': async (_i, { printing }) => {
    const reason = await printing.unavailableReason()
    return { available: reason === null, reason, printers: reason ? [] : await printing.listPrinters() }
  },
  'consents.print': (input, { ctx, actor, printing }) => printConsent(ctx, actor, printing, input),
} satisfies HandlersFor<keyof typeof consentCalls>
