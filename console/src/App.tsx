import { Suspense, lazy, useCallback, useMemo, useState } from 'react';
import { Provider as UrqlProvider } from 'urql';
import { ConfigProvider, App as AntApp, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { createClient } from './api/client';
import { loadSession, saveSession, type Session } from './auth';
import { I18nContext, makeI18n, type Lang } from './i18n';
import { SessionContext } from './session';
import { SignIn } from './pages/SignIn';

// Each page is its own chunk, and so is the signed-in shell: the first load carries the sign-in form.
const Shell = lazy(() => import('./Shell'));
const Overview = lazy(() => import('./pages/Overview'));
const Stations = lazy(() => import('./pages/Stations'));
const StationPage = lazy(() => import('./pages/StationPage'));
const Workers = lazy(() => import('./pages/Workers'));
const WorkerPage = lazy(() => import('./pages/WorkerPage'));
const Policy = lazy(() => import('./pages/Policy'));
const Users = lazy(() => import('./pages/Users'));
const Excel = lazy(() => import('./pages/Excel'));
const Calendar = lazy(() => import('./pages/Calendar'));
const Supervision = lazy(() => import('./pages/Supervision'));
const Brief = lazy(() => import('./pages/Brief'));
const NotFound = lazy(() => import('./pages/NotFound'));
const Tenants = lazy(() => import('./pages/Tenants'));
const ComplianceReportPage = lazy(() => import('./pages/ComplianceReport'));
const Home = lazy(() => import('./pages/Home'));
const Operators = lazy(() => import('./pages/Operators'));
const Contracts = lazy(() => import('./pages/Contracts'));
const ContractPage = lazy(() => import('./pages/ContractPage'));
const Funding = lazy(() => import('./pages/Funding'));
const Divisions = lazy(() => import('./pages/Divisions'));
const Audit = lazy(() => import('./pages/Audit'));

const page = (el: React.ReactNode) => (
  <Suspense fallback={<Spin style={{ margin: 48 }} aria-label="loading" />}>{el}</Suspense>
);

const router = createBrowserRouter(
  [
    {
      path: '/',
      element: page(<Shell />),
      children: [
        { index: true, element: page(<Home overview={<Overview />} />) },
        { path: 'stations', element: page(<Stations />) },
        { path: 'stations/:id', element: page(<StationPage />) },
        { path: 'workers', element: page(<Workers />) },
        { path: 'workers/:id', element: page(<WorkerPage />) },
        { path: 'divisions', element: page(<Divisions />) },
        { path: 'audit', element: page(<Audit />) },
        { path: 'policy', element: page(<Policy />) },
        { path: 'users', element: page(<Users />) },
        { path: 'excel', element: page(<Excel />) },
        { path: 'tenants', element: page(<Tenants />) },
        { path: 'report', element: page(<ComplianceReportPage />) },
        { path: 'calendar', element: page(<Calendar />) },
        { path: 'supervision', element: page(<Supervision />) },
        { path: 'brief', element: page(<Brief />) },
        { path: 'operators', element: page(<Operators />) },
        { path: 'contracts', element: page(<Contracts />) },
        { path: 'contracts/:id', element: page(<ContractPage />) },
        { path: 'funding', element: page(<Funding />) },
        { path: '*', element: page(<NotFound />) },
      ],
    },
  ],
  { basename: '/console' },
);

const LANG_KEY = 'shegong.lang';

export function App() {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh'));
  const [session, setSession] = useState<Session | null>(loadSession);
  const [ended, setEnded] = useState(false);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(LANG_KEY, l);
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
    setLangState(l);
  }, []);
  const i18n = useMemo(() => makeI18n(lang, setLang), [lang, setLang]);

  const signIn = useCallback((s: Session) => {
    saveSession(s);
    setEnded(false);
    setSession(s);
  }, []);
  const signOut = useCallback(() => {
    saveSession(null);
    setSession(null);
  }, []);
  const client = useMemo(
    () =>
      createClient(
        () => loadSession()?.token ?? null,
        () => {
          saveSession(null);
          setEnded(true);
          setSession(null);
        },
      ),
    // a new client per session, so one user's cached answers never show to the next
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [session?.token],
  );

  return (
    <I18nContext.Provider value={i18n}>
      {/* no space put between two Chinese characters of a button: "登录", not "登 录", for people and screen readers alike */}
      <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} button={{ autoInsertSpace: false }} theme={{ token: { colorPrimary: '#1d6fb8' } }}>
        <AntApp>
          {session ? (
            <SessionContext.Provider value={{ session, signOut }}>
              <UrqlProvider value={client}>
                <RouterProvider router={router} />
              </UrqlProvider>
            </SessionContext.Provider>
          ) : (
            <SignIn onSignedIn={signIn} sessionEnded={ended} />
          )}
        </AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}
