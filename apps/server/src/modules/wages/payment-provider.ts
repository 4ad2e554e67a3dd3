/**
 * How a wage reaches the worker. `offline`: the employer or staff records cash or a bank transfer
 * already made (reference, photo). `entrusted` (委托结算): staff pay from the employer's deposit in
 * bank batches; the bank's result file confirms each line, so this provider records the line the
 * bank reported as paid (its reference is the batch number and line).
 */
export type PaymentRequest = {
  statementId: string;
  amountFen: number;
  method: 'cash' | 'bank_transfer' | 'entrusted';
  reference: string | null;
  photoFileId: string | null;
};
export type PaymentOutcome = { provider: 'offline' | 'entrusted'; settled: boolean; reference: string | null };

export interface PaymentProvider {
  readonly name: 'offline' | 'entrusted';
  pay(request: PaymentRequest): Promise<PaymentOutcome>;
}

/** The offline provider settles at once: the money already changed hands; we record it. */
export const offlinePaymentProvider: PaymentProvider = {
  name: 'offline',
  async pay(request) {
    return { provider: 'offline', settled: true, reference: request.reference };
  },
};

/** 委托结算: the bank already paid the line (result file); we record it with the batch reference. */
export const entrustedPaymentProvider: PaymentProvider = {
  name: 'entrusted',
  async pay(request) {
    return { provider: 'entrusted', settled: true, reference: request.reference };
  },
};
