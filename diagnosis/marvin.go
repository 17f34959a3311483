package diagnosis

import "math/bits"

// marvinSeed is ComputeHisV1ChecksumSeed("Default0"): the ASCII bytes of
// "Default0" reversed, read as a little-endian uint64 (sources §1.2, [S17]).
const marvinSeed = 0x44656661756C7430

// marvin32 is Microsoft's Marvin hash folded to 32 bits (high XOR low), as
// security-utilities computes a CASK key's checksum ([S17] marvin.ts).
func marvin32(data []byte, seed uint64) uint32 {
	p0, p1 := uint32(seed), uint32(seed>>32)
	for len(data) >= 4 {
		p0 += uint32(data[0]) | uint32(data[1])<<8 | uint32(data[2])<<16 | uint32(data[3])<<24
		p0, p1 = marvinBlock(p0, p1)
		data = data[4:]
	}
	// The tail is padded with a 0x80 marker byte.
	switch len(data) {
	case 0:
		p0 += 0x80
	case 1:
		p0 += 0x8000 | uint32(data[0])
	case 2:
		p0 += 0x800000 | uint32(data[0]) | uint32(data[1])<<8
	case 3:
		p0 += 0x80000000 | uint32(data[0]) | uint32(data[1])<<8 | uint32(data[2])<<16
	}
	p0, p1 = marvinBlock(p0, p1)
	p0, p1 = marvinBlock(p0, p1)
	return p0 ^ p1
}

func marvinBlock(p0, p1 uint32) (uint32, uint32) {
	p1 ^= p0
	p0 = bits.RotateLeft32(p0, 20)
	p0 += p1
	p1 = bits.RotateLeft32(p1, 9)
	p1 ^= p0
	p0 = bits.RotateLeft32(p0, 27)
	p0 += p1
	p1 = bits.RotateLeft32(p1, 19)
	return p0, p1
}
