import { useCallback, useEffect, useState } from 'react';
import { api, type Unit } from './api';

export const LEVEL_LABELS: Record<Unit['level'], string> = { city: '市级', county: '县级', township: '乡级', village: '村级' };
export const KIND_LABELS: Record<Unit['kind'], string> = { government: '人民政府', department: '部门' };

export interface UnitNode {
  title: string;
  value: number;
  key: number;
  unit: Unit;
  children: UnitNode[];
}

/** Builds the tree antd's Tree and TreeSelect expect from the flat list the API returns. */
export function buildTree(units: Unit[]): UnitNode[] {
  const nodes = new Map<number, UnitNode>();
  for (const u of units) nodes.set(u.id, { title: u.name, value: u.id, key: u.id, unit: u, children: [] });
  const roots: UnitNode[] = [];
  for (const u of units) {
    const node = nodes.get(u.id)!;
    const parent = u.parentId === null ? undefined : nodes.get(u.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** All units, loaded once per screen, with a reload after edits. */
export function useUnits() {
  const [units, setUnits] = useState<Unit[]>([]);
  const [loading, setLoading] = useState(true);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setUnits((await api<{ items: Unit[] }>('GET', '/units')).items);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { units, loading, reload };
}
