// Schema-free, so the BFF and the QA fake mask addresses the same way.

/**
 * An address as the widget shows it: the first character of the local part, `•••`, and the domain
 * (`alice@example.org` → `a•••@example.org`). Enough for the owner to recognise it, too little to harvest it.
 */
export function maskEmailAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '•••';
  return `${[...address.slice(0, at)][0] ?? ''}•••${address.slice(at)}`;
}
