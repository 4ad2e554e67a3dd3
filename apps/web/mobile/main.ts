import { createApp } from 'vue';
import './styles.css';
import App from './App.vue';
import { router } from './router';
import { applyElderMode } from './elder-mode';

applyElderMode();
createApp(App).use(router).mount('#app');
