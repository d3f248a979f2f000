// A button that opens the browser's file picker (a hidden file input it clicks), handing the one
// file picked to `onFile`; the input is cleared so the same file can be picked again.

import { type ChangeEvent, useRef } from 'react'

export interface FileButtonProps {
  label: string
  title: string
  accept: string
  className: string
  testId: string
  inputTestId: string
  disabled?: boolean
  onFile(file: File): void
}

export function FileButton(p: FileButtonProps) {
  const input = useRef<HTMLInputElement>(null)
  const picked = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0]
    e.target.value = ''
    if (file) p.onFile(file)
  }
  return (
    <>
      <button
        type="button"
        className={p.className}
        onClick={() => input.current?.click()}
        disabled={p.disabled}
        title={p.title}
        data-testid={p.testId}
      >
        {p.label}
      </button>
      <input
        ref={input}
        type="file"
        accept={p.accept}
        className="visually-hidden"
        data-testid={p.inputTestId}
        tabIndex={-1}
        aria-hidden="true"
        onChange={picked}
      />
    </>
  )
}
