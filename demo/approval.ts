/**
 * The demo wallets' approval prompt: every request a real wallet would ask the
 * person about (connect, sign) is shown here and waits for Approve or Reject.
 */
export type ApprovalRequest = { title: string; message?: string }

export function askApproval({ title, message }: ApprovalRequest): Promise<boolean> {
  const dialog = document.querySelector<HTMLDialogElement>('#approval')!
  dialog.querySelector('#approval-title')!.textContent = title
  dialog.querySelector('#approval-origin')!.textContent = `Requested by ${location.origin}`
  const pre = dialog.querySelector<HTMLPreElement>('#approval-message')!
  pre.textContent = message ?? ''
  pre.hidden = message === undefined
  dialog.returnValue = ''
  dialog.showModal()
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'approve'), { once: true })
  })
}
