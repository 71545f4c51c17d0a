/** `0x1234…abcd`: enough of an address to recognise it, the whole of it in a title. */
export const shorten = (address: string) => (address.length > 14 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address)
