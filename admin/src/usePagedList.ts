import { App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, type Page } from './api';

type Query = Record<string, string | number | boolean | undefined>;

/** Loads one page of a list endpoint whenever the query changes; errors show as a message. */
export function usePagedList<T>(path: string, query: Query) {
  const { message } = App.useApp();
  const [data, setData] = useState<Page<T>>({ total: 0, items: [] });
  const [loading, setLoading] = useState(false);
  const key = JSON.stringify(query);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await api<Page<T>>('GET', path, undefined, JSON.parse(key) as Query));
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '加载失败');
    } finally {
      setLoading(false);
    }
  }, [path, key, message]);
  useEffect(() => void reload(), [reload]);
  return { data, loading, reload };
}
