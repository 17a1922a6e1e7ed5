import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell } from './AppShell';

/** Theme tokens chosen so that text and controls meet WCAG 2.1 AA contrast (antd's defaults do not). */
const theme = {
  token: {
    colorPrimary: '#a61b1b',
    colorLink: '#0b4a8b',
    colorText: 'rgba(0, 0, 0, 0.88)',
    colorTextSecondary: '#4d4d4d',
    colorTextTertiary: '#595959',
    colorTextQuaternary: '#666666',
    colorTextDescription: '#595959',
    colorTextPlaceholder: '#6b6b6b',
    colorTextDisabled: '#6b6b6b',
    colorError: '#b3261e',
    colorSuccess: '#2e7d32',
    colorWarning: '#8a5a00',
    fontSize: 15,
    fontFamily: '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif',
  },
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntApp>
        <AppShell />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
