// A modal dialog: a backdrop that a click or Escape closes, a titled box with a Close button
// that takes the focus when it opens. Shared by the help and the planners dialog.

import { type ReactNode, useEffect, useRef } from 'react'

interface Props {
  title: string
  /** Ids and test ids derive from it: `${name}-title`, data-testid=name, `${name}-close`. */
  name: string
  className?: string
  onClose(): void
  children: ReactNode
}

export function Modal({ title, name, className, onClose, children }: Props) {
  const close = useRef<HTMLButtonElement>(null)
  useEffect(() => close.current?.focus(), [])
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click on the backdrop closes the dialog; Escape does too
    <div
      className="overlay"
      onClick={onClose}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
      role="presentation"
    >
      <div
        className={`dialog${className ? ` ${className}` : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${name}-title`}
        data-testid={name}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <header>
          <h2 id={`${name}-title`}>{title}</h2>
          <button
            ref={close}
            type="button"
            className="button small"
            onClick={onClose}
            data-testid={`${name}-close`}
          >
            Close
          </button>
        </header>
        {children}
      </div>
    </div>
  )
}
