import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The app is a static site: `npm run dev` serves it, `npm run build` writes dist/.
export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
})
