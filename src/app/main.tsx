import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startDataWorker } from './data/dataFiles';
import './styles.css';

// The data worker loads zod and the schemas while this thread starts React.
startDataWorker();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
