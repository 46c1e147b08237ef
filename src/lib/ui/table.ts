/** A column of `SortableTable`. */
export type Column<R> = {
	key: string;
	label: string;
	isNumeric?: boolean;
	/** Value used for sorting; defaults to `row[key]`. */
	sortValue?: (row: R) => number | string | null;
};
