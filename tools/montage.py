#!/usr/bin/env python3
"""Tiles PNG images (8-bit RGB or RGBA, same size) into one RGB PNG, row by row.

usage: tools/montage.py OUT.png COLUMNS IN1.png IN2.png ...
       tools/montage.py --crop X Y W H IN.png OUT.png   (a rectangle of one image, pixels)

Standard library only (zlib + struct), so the doc pictures can be rebuilt on a bare Debian.
"""
import sys, zlib, struct
def readpng(p):
    d=open(p,'rb').read(); assert d[:8]==b'\x89PNG\r\n\x1a\n'
    i=8; idat=b''; w=h=0
    while i<len(d):
        n=struct.unpack('>I',d[i:i+4])[0]; t=d[i+4:i+8]; c=d[i+8:i+8+n]; i+=12+n
        if t==b'IHDR': w,h,bd,ct=struct.unpack('>IIBB',c[:10]); 
        if t==b'IDAT': idat+=c
    raw=zlib.decompress(idat); bpp={2:3,6:4}[ct]; stride=w*bpp
    rows=[]; prev=bytearray(stride); k=0
    for y in range(h):
        f=raw[k]; k+=1; line=bytearray(raw[k:k+stride]); k+=stride
        for x in range(stride):
            a=line[x-bpp] if x>=bpp else 0; b=prev[x]; cc=prev[x-bpp] if x>=bpp else 0
            if f==1: line[x]=(line[x]+a)&255
            elif f==2: line[x]=(line[x]+b)&255
            elif f==3: line[x]=(line[x]+(a+b)//2)&255
            elif f==4:
                pa=abs(b-cc); pb=abs(a-cc); pc=abs(a+b-2*cc)
                pr=a if pa<=pb and pa<=pc else (b if pb<=pc else cc)
                line[x]=(line[x]+pr)&255
        rows.append(bytes(line[j] for x in range(w) for j in (x*bpp,x*bpp+1,x*bpp+2))); prev=line
    return w,h,rows
def writepng(p,w,h,rows):
    raw=b''.join(b'\x00'+r for r in rows)
    def chunk(t,c): return struct.pack('>I',len(c))+t+c+struct.pack('>I',zlib.crc32(t+c)&0xffffffff)
    open(p,'wb').write(b'\x89PNG\r\n\x1a\n'+chunk(b'IHDR',struct.pack('>IIBBBBB',w,h,8,2,0,0,0))+chunk(b'IDAT',zlib.compress(raw))+chunk(b'IEND',b''))
def crop(src,dst,x,y,w,h):
    W,H,rows=readpng(src); w=min(w,W-x); h=min(h,H-y)
    writepng(dst,w,h,[r[x*3:(x+w)*3] for r in rows[y:y+h]])
def main():
    if sys.argv[1]=='--crop':
        x,y,w,h=(int(v) for v in sys.argv[2:6]); crop(sys.argv[6],sys.argv[7],x,y,w,h); return
    out=sys.argv[1]; cols=int(sys.argv[2]); ims=[readpng(p) for p in sys.argv[3:]]
    w,h=ims[0][0],ims[0][1]; n=len(ims); r=(n+cols-1)//cols
    rows=[]
    for ry in range(r):
        for y in range(h):
            line=b''
            for cx in range(cols):
                k=ry*cols+cx
                line+= ims[k][2][y] if k<n else b'\x00'*(w*3)
            rows.append(line)
    writepng(out,w*cols,h*r,rows)
if __name__=='__main__':
    main()
