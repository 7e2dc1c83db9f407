// The state gallery page (gallery.html): a separate entry, so none of it reaches the widget's bundle.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../styles/widget.css';
import './gallery.css';
import { Gallery } from './gallery';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Gallery />
  </StrictMode>,
);
