import type { AdminOccupation } from '@lingong/contracts';

export type OccupationNode = AdminOccupation & { children?: OccupationNode[] };

/** Flat rows to a tree (children in the server's order); rows whose parent is missing become roots. */
export function buildTree(items: AdminOccupation[]): OccupationNode[] {
  const nodes = new Map<string, OccupationNode>(items.map((o) => [o.id, { ...o }]));
  const roots: OccupationNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

/** Tree-select options: active nodes only, excluding `exceptId` and its subtree (no cycles). */
export function parentOptions(
  tree: OccupationNode[],
  exceptId?: string,
): { value: string; label: string; children?: ReturnType<typeof parentOptions> }[] {
  return tree
    .filter((n) => !n.disabled && n.id !== exceptId)
    .map((n) => {
      const children = n.children ? parentOptions(n.children, exceptId) : [];
      return { value: n.id, label: n.name, ...(children.length > 0 ? { children } : {}) };
    });
}

export const CHANGE_ACTION_LABELS: Record<string, string> = {
  create: '新增',
  update: '修改',
  move: '移动',
  disable: '停用',
  enable: '启用',
  import: '导入',
};

export const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  parentId: '上级工种',
  nationalCode: '国家职业分类代码',
  skillTags: '技能标签',
  category: '是否类别',
  sort: '排序',
  disabled: '停用',
};
