// A mixed-integer program as arrays: what the exact model gives its solver (HiGHS takes it as
// is: `createModel(modelData)`, see app/services/highs.server.ts), with no text to write or
// parse. Columns carry a cost, bounds and whether they are integer; rows are sparse (compressed
// sparse rows: row k's terms are indices/values[starts[k]..starts[k + 1])) with a lower and
// an upper bound (±Infinity where there is none). The domain stays pure: no solver import.

export interface MipModel {
  numCols: number;
  numRows: number;
  /** The columns' names (x3_1, u3, r12, y5, w2, v4_0), for reading a model or a test. */
  colNames: string[];
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  /** 1: integer (the bounds make it binary), 0: continuous. */
  integrality: Int32Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  matrix: { format: "csr"; numRows: number; numCols: number; starts: Int32Array; indices: Int32Array; values: Float64Array };
}

/** Builds a MipModel column by column and row by row; a column repeated in a row adds up (a row never lists a column twice). */
export class MipBuilder {
  private names: string[] = [];
  private cost: number[] = [];
  private lower: number[] = [];
  private upper: number[] = [];
  private integer: number[] = [];
  private rowLo: number[] = [];
  private rowUp: number[] = [];
  private starts: number[] = [0];
  private indices: number[] = [];
  private values: number[] = [];
  /** For each column, the row it was last added to and its position there (to add a repeated column up). */
  private lastRow: number[] = [];
  private lastAt: number[] = [];
  private merged = false;

  get numCols(): number {
    return this.names.length;
  }
  get numRows(): number {
    return this.rowLo.length;
  }

  /** A new column; its index. */
  col(name: string, { cost = 0, lower = 0, upper = 1, integer = false }: { cost?: number; lower?: number; upper?: number; integer?: boolean } = {}): number {
    this.names.push(name);
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(integer ? 1 : 0);
    this.lastRow.push(-1);
    this.lastAt.push(0);
    return this.names.length - 1;
  }

  /** Adds coef·column to the row being built. */
  add(col: number, coef = 1): this {
    const row = this.rowLo.length;
    if (this.lastRow[col] === row) {
      this.values[this.lastAt[col]!] += coef;
      this.merged = true;
    } else {
      this.lastRow[col] = row;
      this.lastAt[col] = this.indices.length;
      this.indices.push(col);
      this.values.push(coef);
    }
    return this;
  }

  addAll(cols: readonly number[], coef = 1): this {
    for (const c of cols) this.add(c, coef);
    return this;
  }

  /** Ends the row being built: lower ≤ Σ terms ≤ upper. */
  endRow(lower: number, upper: number): void {
    if (this.merged) {
      // Terms that added up to zero leave the row.
      const from = this.starts[this.starts.length - 1]!;
      let to = from;
      for (let k = from; k < this.indices.length; k++) {
        if (this.values[k] === 0) continue;
        this.indices[to] = this.indices[k]!;
        this.values[to] = this.values[k]!;
        to++;
      }
      this.indices.length = to;
      this.values.length = to;
      this.merged = false;
    }
    this.rowLo.push(lower);
    this.rowUp.push(upper);
    this.starts.push(this.indices.length);
  }

  build(): MipModel {
    const numCols = this.numCols;
    const numRows = this.numRows;
    return {
      numCols,
      numRows,
      colNames: this.names,
      colCost: Float64Array.from(this.cost),
      colLower: Float64Array.from(this.lower),
      colUpper: Float64Array.from(this.upper),
      integrality: Int32Array.from(this.integer),
      rowLower: Float64Array.from(this.rowLo),
      rowUpper: Float64Array.from(this.rowUp),
      matrix: { format: "csr", numRows, numCols, starts: Int32Array.from(this.starts), indices: Int32Array.from(this.indices), values: Float64Array.from(this.values) },
    };
  }
}

/** Σ cost·value over the columns (the model's objective at these values). */
export function objectiveOf(model: MipModel, values: ArrayLike<number>): number {
  let sum = 0;
  for (let j = 0; j < model.numCols; j++) sum += model.colCost[j]! * values[j]!;
  return sum;
}
