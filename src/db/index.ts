import { SelahDatabase } from './schema'

export const db = new SelahDatabase()
