/** A known customer's key seals all they said. */
export const customerKeyOwner = (customerId: string): string => `customer:${customerId}`;

/** Contact details of feedback without a customer id get a key of that feedback alone. */
export const feedbackKeyOwner = (feedbackId: string): string => `feedback:${feedbackId}`;
